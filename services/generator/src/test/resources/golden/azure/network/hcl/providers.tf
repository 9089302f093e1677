provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-network"
    dharma-environment = "dev"
    managed-by         = "dharma"
    owner              = "team-platform"
  }
}
