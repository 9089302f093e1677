provider "azurerm" {
  features {}
}

locals {
  tags = {
    cost-center        = "cc-0001"
    dharma-blueprint   = "case-compute"
    dharma-environment = "staging"
    managed-by         = "dharma"
    owner              = "team-platform"
  }
}
