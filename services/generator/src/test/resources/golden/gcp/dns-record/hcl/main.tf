data "google_compute_zones" "available" {
  region = "europe-west4"
  status = "UP"
}

data "google_dns_managed_zones" "all" {}

resource "google_compute_network" "main" {
  name                    = "case-dns-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_subnetwork" "edge_a" {
  name                     = "case-dns-edge-a"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.11.0.0/24"
  private_ip_google_access = true
}

resource "google_compute_subnetwork" "edge_b" {
  name                     = "case-dns-edge-b"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.11.1.0/24"
  private_ip_google_access = true
}

resource "google_compute_instance" "web" {
  count = 1

  name         = "case-dns-web-${count.index}"
  machine_type = "e2-small"
  zone         = element(data.google_compute_zones.available.names, 0)
  tags         = ["case-dns-web"]
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
    subnetwork = google_compute_subnetwork.edge_a.id

    access_config {}
  }

  shielded_instance_config {
    enable_secure_boot = true
  }
}

resource "google_compute_instance_group" "web" {
  name      = "case-dns-web"
  zone      = element(data.google_compute_zones.available.names, 0)
  instances = google_compute_instance.web[*].self_link
}

resource "google_compute_address" "web_lb" {
  name         = "case-dns-web-lb"
  region       = "europe-west4"
  address_type = "EXTERNAL"
}

resource "google_compute_region_health_check" "web_lb" {
  name   = "case-dns-web-lb"
  region = "europe-west4"

  tcp_health_check {
    port = 80
  }
}

resource "google_compute_region_backend_service" "web_lb" {
  name                  = "case-dns-web-lb"
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
  name                  = "case-dns-web-lb"
  region                = "europe-west4"
  load_balancing_scheme = "EXTERNAL"
  ip_protocol           = "TCP"
  ports                 = ["80"]
  ip_address            = google_compute_address.web_lb.address
  backend_service       = google_compute_region_backend_service.web_lb.id
}

resource "google_compute_firewall" "web_lb_health_checks" {
  name          = "case-dns-web-lb-health-checks"
  network       = google_compute_network.main.id
  direction     = "INGRESS"
  source_ranges = ["35.191.0.0/16", "130.211.0.0/22", "209.85.152.0/22", "209.85.204.0/22"]
  target_tags   = ["case-dns-web"]

  allow {
    protocol = "tcp"
    ports    = ["80"]
  }
}

resource "google_dns_record_set" "www" {
  managed_zone = one([for zone in data.google_dns_managed_zones.all.managed_zones : zone.name if zone.dns_name == "example.com."])
  name         = "www.example.com."
  type         = "CNAME"
  ttl          = 300
  rrdatas      = ["shop.example.net."]
}

resource "google_dns_record_set" "apex" {
  managed_zone = one([for zone in data.google_dns_managed_zones.all.managed_zones : zone.name if zone.dns_name == "example.com."])
  name         = "example.com."
  type         = "A"
  ttl          = 300
  rrdatas      = [google_compute_address.web_lb.address]
}

resource "google_dns_record_set" "direct" {
  managed_zone = one([for zone in data.google_dns_managed_zones.all.managed_zones : zone.name if zone.dns_name == "example.com."])
  name         = "direct.example.com."
  type         = "A"
  ttl          = 60
  rrdatas      = google_compute_instance.web[*].network_interface[0].access_config[0].nat_ip
}

resource "google_dns_record_set" "spf" {
  managed_zone = one([for zone in data.google_dns_managed_zones.all.managed_zones : zone.name if zone.dns_name == "example.com."])
  name         = "example.com."
  type         = "TXT"
  ttl          = 300
  rrdatas      = ["\"v=spf1 -all\""]

  depends_on = [google_compute_instance_group.web]
}
