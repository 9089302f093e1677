provider "azurerm" {
  features {}
}

locals {
  tags = {
    cost-center         = "cc-2077"
    data-classification = "internal"
    dharma-blueprint    = "data-platform-staging"
    dharma-environment  = "staging"
    managed-by          = "dharma"
    owner               = "team-data"
  }
}
