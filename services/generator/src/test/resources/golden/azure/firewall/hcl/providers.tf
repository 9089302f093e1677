provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-firewall"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
