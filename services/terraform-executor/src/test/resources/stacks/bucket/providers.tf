provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      dharma-blueprint = "BLUEPRINT_NAME"
      managed-by       = "dharma"
    }
  }
}
