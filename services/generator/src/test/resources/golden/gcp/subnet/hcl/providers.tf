provider "google" {
  region         = "europe-west4"
  default_labels = local.labels
}

locals {
  labels = {
    dharma-blueprint   = "case-subnet"
    dharma-environment = "dev"
    managed-by         = "dharma"
  }
}
