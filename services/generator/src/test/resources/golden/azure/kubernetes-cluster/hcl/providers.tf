provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-kubernetes"
    dharma-environment = "prod"
    managed-by         = "dharma"
  }
}
