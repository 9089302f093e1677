data "google_compute_zones" "available" {
  region = "europe-west4"
  status = "UP"
}

resource "google_compute_network" "main" {
  name                    = "case-firewall-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_subnetwork" "app" {
  name                     = "case-firewall-app"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.2.1.0/24"
  private_ip_google_access = true
}

resource "google_compute_instance" "vm" {
  count = 1

  name         = "case-firewall-vm-${count.index}"
  machine_type = "e2-small"
  zone         = element(data.google_compute_zones.available.names, 0)
  tags         = ["case-firewall-vm"]
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

resource "google_compute_firewall" "vm_fw_ingress" {
  for_each = {
    tcp-80-443-ipv4 = {
      name        = "case-firewall-vm-fw-in-tcp-80-443-ipv4"
      protocol    = "tcp"
      ports       = ["80", "443"]
      ranges      = ["0.0.0.0/0"]
      description = "web traffic (HTTP & HTTPS)"
    }
    tcp-80-443-ipv6 = {
      name        = "case-firewall-vm-fw-in-tcp-80-443-ipv6"
      protocol    = "tcp"
      ports       = ["80", "443"]
      ranges      = ["::/0"]
      description = "web traffic (HTTP & HTTPS)"
    }
    udp-60000-61000-ipv4 = {
      name        = "case-firewall-vm-fw-in-udp-60000-61000-ipv4"
      protocol    = "udp"
      ports       = ["60000-61000"]
      ranges      = ["10.0.0.0/8"]
      description = null
    }
    icmp-ipv4 = {
      name        = "case-firewall-vm-fw-in-icmp-ipv4"
      protocol    = "icmp"
      ports       = null
      ranges      = ["10.2.0.0/16"]
      description = null
    }
  }

  name          = each.value.name
  network       = google_compute_network.main.id
  direction     = "INGRESS"
  priority      = 1000
  source_ranges = each.value.ranges
  target_tags   = ["case-firewall-vm"]
  description   = each.value.description

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "vm_fw_egress" {
  for_each = {
    all-ipv4 = {
      name        = "case-firewall-vm-fw-out-all-ipv4"
      protocol    = "all"
      ports       = null
      ranges      = ["0.0.0.0/0"]
      description = null
    }
  }

  name               = each.value.name
  network            = google_compute_network.main.id
  direction          = "EGRESS"
  priority           = 1000
  destination_ranges = each.value.ranges
  target_tags        = ["case-firewall-vm"]
  description        = each.value.description

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "vm_fw_deny_egress" {
  name               = "case-firewall-vm-fw-deny-egress"
  network            = google_compute_network.main.id
  direction          = "EGRESS"
  priority           = 65534
  destination_ranges = ["0.0.0.0/0"]
  target_tags        = ["case-firewall-vm"]
  description        = "Only the egress firewall vm-fw allows"

  deny {
    protocol = "all"
  }
}
