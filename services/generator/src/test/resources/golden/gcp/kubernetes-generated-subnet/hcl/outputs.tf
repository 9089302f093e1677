output "main_network_id" {
  description = "ID of the VPC network of network main"
  value       = google_compute_network.main.id
}

output "k8s_endpoint" {
  description = "API server endpoint of cluster k8s"
  value       = google_container_cluster.k8s.endpoint
}

output "k8s_name" {
  description = "Name of GKE cluster k8s"
  value       = google_container_cluster.k8s.name
}
