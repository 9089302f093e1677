provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-lb"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
