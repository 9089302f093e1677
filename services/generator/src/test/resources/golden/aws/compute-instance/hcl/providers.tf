provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = local.tags
  }
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
