provider "azurerm" {
  features {}
}

locals {
  tags = {
    dharma-blueprint   = "case-kubernetes-auto"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
