provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-windows"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
