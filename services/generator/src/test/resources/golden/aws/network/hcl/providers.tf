provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = local.tags
  }
}

locals {
  tags = {
    dharma-blueprint   = "case-network"
    dharma-environment = "dev"
    managed-by         = "dharma"
    owner              = "team-platform"
  }
}
