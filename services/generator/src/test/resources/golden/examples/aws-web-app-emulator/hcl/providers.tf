provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = local.tags
  }
}

locals {
  tags = {
    app                = "shop"
    cost-center        = "cc-1042"
    dharma-blueprint   = "shop-web-emu"
    dharma-environment = "dev"
    managed-by         = "dharma"
    owner              = "team-storefront"
  }
}
