provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-mysql"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
