data "google_compute_zones" "available" {
  region = "europe-west4"
  status = "UP"
}

resource "google_compute_network" "main" {
  name                    = "case-lb-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_subnetwork" "edge_a" {
  name                     = "case-lb-edge-a"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.10.0.0/24"
  private_ip_google_access = true
}

resource "google_compute_subnetwork" "edge_b" {
  name                     = "case-lb-edge-b"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.10.1.0/24"
  private_ip_google_access = true
}

resource "google_compute_subnetwork" "app" {
  name                     = "case-lb-app"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.10.2.0/24"
  private_ip_google_access = true
}

resource "google_compute_instance" "web" {
  count = 2

  name         = "case-lb-web-${count.index}"
  machine_type = "e2-small"
  zone         = element(data.google_compute_zones.available.names, 2)
  tags         = ["case-lb-web"]
  metadata = {
    enable-oslogin = "TRUE"
  }

  boot_disk {
    initialize_params {
      image = "ubuntu-os-cloud/ubuntu-2404-lts-amd64"
      size  = 30
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

resource "google_compute_instance_group" "web" {
  name      = "case-lb-web"
  zone      = element(data.google_compute_zones.available.names, 2)
  instances = google_compute_instance.web[*].self_link
}

resource "google_compute_address" "web_lb" {
  name         = "case-lb-web-lb"
  region       = "europe-west4"
  address_type = "EXTERNAL"
}

resource "google_compute_region_health_check" "web_lb" {
  name   = "case-lb-web-lb"
  region = "europe-west4"

  tcp_health_check {
    port = 80
  }
}

resource "google_compute_region_backend_service" "web_lb" {
  name                  = "case-lb-web-lb"
  region                = "europe-west4"
  protocol              = "TCP"
  load_balancing_scheme = "EXTERNAL"
  health_checks         = [google_compute_region_health_check.web_lb.id]

  backend {
    group          = google_compute_instance_group.web.id
    balancing_mode = "CONNECTION"
  }
}

resource "google_compute_forwarding_rule" "web_lb" {
  name                  = "case-lb-web-lb"
  region                = "europe-west4"
  load_balancing_scheme = "EXTERNAL"
  ip_protocol           = "TCP"
  ports                 = ["80"]
  ip_address            = google_compute_address.web_lb.address
  backend_service       = google_compute_region_backend_service.web_lb.id
}

resource "google_compute_firewall" "web_lb_health_checks" {
  name          = "case-lb-web-lb-health-checks"
  network       = google_compute_network.main.id
  direction     = "INGRESS"
  source_ranges = ["35.191.0.0/16", "130.211.0.0/22", "209.85.152.0/22", "209.85.204.0/22"]
  target_tags   = ["case-lb-web"]

  allow {
    protocol = "tcp"
    ports    = ["80"]
  }
}

resource "google_compute_address" "queue_lb" {
  name         = "case-lb-queue-lb"
  region       = "europe-west4"
  address_type = "INTERNAL"
  subnetwork   = google_compute_subnetwork.app.id
}

resource "google_compute_region_health_check" "queue_lb" {
  name   = "case-lb-queue-lb"
  region = "europe-west4"

  tcp_health_check {
    port = 5672
  }
}

resource "google_compute_region_backend_service" "queue_lb" {
  name                  = "case-lb-queue-lb"
  region                = "europe-west4"
  protocol              = "TCP"
  load_balancing_scheme = "INTERNAL"
  health_checks         = [google_compute_region_health_check.queue_lb.id]

  backend {
    group          = google_compute_instance_group.web.id
    balancing_mode = "CONNECTION"
  }
}

resource "google_compute_forwarding_rule" "queue_lb" {
  name                  = "case-lb-queue-lb"
  region                = "europe-west4"
  load_balancing_scheme = "INTERNAL"
  ip_protocol           = "TCP"
  ports                 = ["5672"]
  ip_address            = google_compute_address.queue_lb.address
  backend_service       = google_compute_region_backend_service.queue_lb.id
  network               = google_compute_network.main.id
  subnetwork            = google_compute_subnetwork.app.id
}

resource "google_compute_firewall" "queue_lb_health_checks" {
  name          = "case-lb-queue-lb-health-checks"
  network       = google_compute_network.main.id
  direction     = "INGRESS"
  source_ranges = ["35.191.0.0/16", "130.211.0.0/22", "209.85.152.0/22", "209.85.204.0/22"]
  target_tags   = ["case-lb-web"]

  allow {
    protocol = "tcp"
    ports    = ["5672"]
  }
}
