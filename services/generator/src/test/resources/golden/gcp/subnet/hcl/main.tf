resource "google_compute_network" "main" {
  name                    = "case-subnet-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_subnetwork" "edge" {
  name                     = "case-subnet-edge"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.1.0.0/24"
  private_ip_google_access = true
}

resource "google_compute_subnetwork" "app" {
  name                     = "case-subnet-app"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.1.1.0/24"
  private_ip_google_access = true
}
