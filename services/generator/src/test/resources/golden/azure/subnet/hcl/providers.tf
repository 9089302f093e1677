provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-subnet"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
