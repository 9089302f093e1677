output "main_vnet_id" {
  description = "ID of the virtual network of network main"
  value       = azurerm_virtual_network.main.id
}
