resource "azurerm_resource_group" "main" {
  name     = "rg-case-kubernetes-auto"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "main" {
  name                = "case-kubernetes-auto-main"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.6.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "k8s_nodes" {
  name                            = "case-kubernetes-auto-k8s-nodes"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.6.240.0/20"]
  default_outbound_access_enabled = false
}

resource "azurerm_kubernetes_cluster" "k8s" {
  name                = "case-kubernetes-auto-k8s"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  dns_prefix          = "case-kubernetes-auto-k8s"
  kubernetes_version  = "1.31"
  sku_tier            = "Free"
  tags                = local.tags

  default_node_pool {
    name           = "default"
    vm_size        = "Standard_B2ms"
    node_count     = 3
    vnet_subnet_id = azurerm_subnet.k8s_nodes.id

    upgrade_settings {
      max_surge = "10%"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    pod_cidr            = "172.17.0.0/16"
    service_cidr        = "172.16.0.0/16"
    dns_service_ip      = "172.16.0.10"
  }
}
