output "main_vnet_id" {
  description = "ID of the virtual network of network main"
  value       = azurerm_virtual_network.main.id
}

output "edge_subnet_id" {
  description = "ID of subnet edge"
  value       = azurerm_subnet.edge.id
}

output "worker_private_ips" {
  description = "Private IP addresses of worker"
  value       = azurerm_network_interface.worker[*].private_ip_address
}

output "worker_public_ips" {
  description = "Public IP addresses of worker"
  value       = azurerm_public_ip.worker[*].ip_address
}
