data "google_compute_zones" "available" {
  region = "europe-west4"
  status = "UP"
}

resource "google_compute_network" "main" {
  name                    = "case-compute-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_subnetwork" "edge" {
  name                     = "case-compute-edge"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.3.0.0/24"
  private_ip_google_access = true
}

resource "google_compute_instance" "worker" {
  count = 2

  name         = "case-compute-worker-${count.index}"
  machine_type = "e2-medium"
  zone         = element(data.google_compute_zones.available.names, 0)
  tags         = ["case-compute-worker"]
  metadata = {
    enable-oslogin = "TRUE"
  }

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
      size  = 50
      type  = "pd-standard"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.edge.id

    access_config {}
  }

  shielded_instance_config {
    enable_secure_boot = true
  }
}
