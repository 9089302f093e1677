output "main_network_id" {
  description = "ID of the VPC network of network main"
  value       = google_compute_network.main.id
}

output "nodes_subnet_id" {
  description = "ID of subnet nodes"
  value       = google_compute_subnetwork.nodes.id
}

output "spare_subnet_id" {
  description = "ID of subnet spare"
  value       = google_compute_subnetwork.spare.id
}

output "k8s_endpoint" {
  description = "API server endpoint of cluster k8s"
  value       = google_container_cluster.k8s.endpoint
}

output "k8s_name" {
  description = "Name of GKE cluster k8s"
  value       = google_container_cluster.k8s.name
}
