provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-bucket"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
