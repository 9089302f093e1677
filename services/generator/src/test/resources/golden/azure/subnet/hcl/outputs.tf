output "main_vnet_id" {
  description = "ID of the virtual network of network main"
  value       = azurerm_virtual_network.main.id
}

output "edge_subnet_id" {
  description = "ID of subnet edge"
  value       = azurerm_subnet.edge.id
}

output "app_subnet_id" {
  description = "ID of subnet app"
  value       = azurerm_subnet.app.id
}
