output "vpc_network_id" {
  description = "ID of the VPC network of network vpc"
  value       = google_compute_network.vpc.id
}

output "nodes_subnet_id" {
  description = "ID of subnet nodes"
  value       = google_compute_subnetwork.nodes.id
}

output "gke_endpoint" {
  description = "API server endpoint of cluster gke"
  value       = google_container_cluster.gke.endpoint
}

output "gke_name" {
  description = "Name of GKE cluster gke"
  value       = google_container_cluster.gke.name
}

output "sessions_endpoint" {
  description = "Host of cache sessions"
  value       = google_redis_instance.sessions.host
}

output "artifacts_bucket_name" {
  description = "Name of bucket artifacts"
  value       = google_storage_bucket.artifacts.name
}

output "api_fqdn" {
  description = "Name of DNS record api"
  value       = google_dns_record_set.api.name
}
