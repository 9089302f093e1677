output "main_vnet_id" {
  description = "ID of the virtual network of network main"
  value       = azurerm_virtual_network.main.id
}

output "k8s_fqdn" {
  description = "API server host name of cluster k8s"
  value       = azurerm_kubernetes_cluster.k8s.fqdn
}

output "k8s_name" {
  description = "Name of AKS cluster k8s"
  value       = azurerm_kubernetes_cluster.k8s.name
}
