provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = local.tags
  }
}

locals {
  tags = {
    dharma-blueprint   = "case-dns"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
