output "main_vnet_id" {
  description = "ID of the virtual network of network main"
  value       = azurerm_virtual_network.main.id
}

output "nodes_subnet_id" {
  description = "ID of subnet nodes"
  value       = azurerm_subnet.nodes.id
}

output "spare_subnet_id" {
  description = "ID of subnet spare"
  value       = azurerm_subnet.spare.id
}

output "k8s_fqdn" {
  description = "API server host name of cluster k8s"
  value       = azurerm_kubernetes_cluster.k8s.fqdn
}

output "k8s_name" {
  description = "Name of AKS cluster k8s"
  value       = azurerm_kubernetes_cluster.k8s.name
}
