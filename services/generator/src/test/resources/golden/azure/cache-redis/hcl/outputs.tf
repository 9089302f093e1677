output "main_vnet_id" {
  description = "ID of the virtual network of network main"
  value       = azurerm_virtual_network.main.id
}

output "data_a_subnet_id" {
  description = "ID of subnet data-a"
  value       = azurerm_subnet.data_a.id
}

output "data_b_subnet_id" {
  description = "ID of subnet data-b"
  value       = azurerm_subnet.data_b.id
}

output "sessions_endpoint" {
  description = "Host name of cache sessions"
  value       = azurerm_redis_cache.sessions.hostname
}
