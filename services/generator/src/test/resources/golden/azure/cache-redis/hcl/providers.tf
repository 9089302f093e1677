provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-redis"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
