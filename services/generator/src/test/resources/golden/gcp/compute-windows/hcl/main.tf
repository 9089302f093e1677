data "google_compute_zones" "available" {
  region = "europe-west4"
  status = "UP"
}

resource "google_compute_network" "main" {
  name                    = "case-windows-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_subnetwork" "app" {
  name                     = "case-windows-app"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.4.1.0/24"
  private_ip_google_access = true
}

resource "google_compute_instance" "win" {
  count = 1

  name         = "case-windows-win-${count.index}"
  machine_type = "e2-small"
  zone         = element(data.google_compute_zones.available.names, 0)
  tags         = ["case-windows-win"]
  metadata = {
    enable-oslogin = "TRUE"
  }

  boot_disk {
    initialize_params {
      image = "windows-cloud/windows-2022"
      size  = 128
      type  = "pd-ssd"
    }
  }

  network_interface {
    subnetwork = google_compute_subnetwork.app.id
  }

  shielded_instance_config {
    enable_secure_boot = true
  }
}
