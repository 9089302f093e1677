resource "google_compute_network" "main" {
  name                    = "case-kubernetes-auto-main"
  auto_create_subnetworks = false
  routing_mode            = "REGIONAL"
}

resource "google_compute_subnetwork" "k8s_nodes" {
  name                     = "case-kubernetes-auto-k8s-nodes"
  region                   = "europe-west4"
  network                  = google_compute_network.main.id
  ip_cidr_range            = "10.6.240.0/20"
  private_ip_google_access = true
}

resource "google_container_cluster" "k8s" {
  name                = "case-kubernetes-auto-k8s"
  location            = "europe-west4"
  network             = google_compute_network.main.id
  subnetwork          = google_compute_subnetwork.k8s_nodes.id
  min_master_version  = "1.31"
  networking_mode     = "VPC_NATIVE"
  deletion_protection = false

  remove_default_node_pool = true
  initial_node_count       = 1

  ip_allocation_policy {}
}

resource "google_container_node_pool" "k8s" {
  name               = "case-kubernetes-auto-k8s-nodes"
  cluster            = google_container_cluster.k8s.id
  location           = "europe-west4"
  initial_node_count = 1

  autoscaling {
    total_min_node_count = 3
    total_max_node_count = 3
    location_policy      = "BALANCED"
  }

  management {
    auto_repair  = true
    auto_upgrade = true
  }

  node_config {
    machine_type = "e2-medium"
    tags         = ["case-kubernetes-auto-k8s"]
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}
