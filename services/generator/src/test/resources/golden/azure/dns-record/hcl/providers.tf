provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-dns"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
