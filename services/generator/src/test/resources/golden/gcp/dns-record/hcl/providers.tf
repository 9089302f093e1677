provider "google" {
  region         = "europe-west4"
  default_labels = local.labels
}

locals {
  labels = {
    dharma-blueprint   = "case-dns"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
