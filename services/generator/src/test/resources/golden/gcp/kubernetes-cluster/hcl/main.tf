resource "google_compute_network" "main" {
  name                    = "case-kubernetes-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_subnetwork" "nodes" {
  name                     = "case-kubernetes-nodes"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.5.0.0/20"
  private_ip_google_access = true
}

resource "google_compute_subnetwork" "spare" {
  name                     = "case-kubernetes-spare"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.5.16.0/20"
  private_ip_google_access = true
}

resource "google_container_cluster" "k8s" {
  name                = "case-kubernetes-k8s"
  location            = "europe-west4"
  network             = google_compute_network.main.id
  subnetwork          = google_compute_subnetwork.nodes.id
  min_master_version  = "1.30"
  networking_mode     = "VPC_NATIVE"
  deletion_protection = true

  remove_default_node_pool = true
  initial_node_count       = 1

  ip_allocation_policy {}
}

resource "google_container_node_pool" "k8s" {
  name               = "case-kubernetes-k8s-nodes"
  cluster            = google_container_cluster.k8s.id
  location           = "europe-west4"
  initial_node_count = 1

  autoscaling {
    total_min_node_count = 3
    total_max_node_count = 6
    location_policy      = "BALANCED"
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type = "n2-standard-4"
    tags         = ["case-kubernetes-k8s"]
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}
