output "main_network_id" {
  description = "ID of the VPC network of network main"
  value       = google_compute_network.main.id
}

output "data_a_subnet_id" {
  description = "ID of subnet data-a"
  value       = google_compute_subnetwork.data_a.id
}

output "data_b_subnet_id" {
  description = "ID of subnet data-b"
  value       = google_compute_subnetwork.data_b.id
}

output "orders_endpoint" {
  description = "Private IP address of database orders"
  value       = google_sql_database_instance.orders.private_ip_address
}
