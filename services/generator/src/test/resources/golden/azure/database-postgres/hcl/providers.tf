provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-postgres"
    dharma-environment = "prod"
    managed-by         = "dharma"
  }
}
