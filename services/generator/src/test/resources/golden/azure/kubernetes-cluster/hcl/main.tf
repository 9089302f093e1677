resource "azurerm_resource_group" "main" {
  name     = "rg-case-kubernetes"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "main" {
  name                = "case-kubernetes-main"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.5.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "nodes" {
  name                            = "case-kubernetes-nodes"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.5.0.0/20"]
  default_outbound_access_enabled = false
}

resource "azurerm_subnet" "spare" {
  name                            = "case-kubernetes-spare"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.5.16.0/20"]
  default_outbound_access_enabled = false
}

resource "azurerm_kubernetes_cluster" "k8s" {
  name                = "case-kubernetes-k8s"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  dns_prefix          = "case-kubernetes-k8s"
  kubernetes_version  = "1.30"
  sku_tier            = "Standard"
  tags                = local.tags

  default_node_pool {
    name                 = "default"
    vm_size              = "Standard_D4s_v5"
    node_count           = 3
    vnet_subnet_id       = azurerm_subnet.nodes.id
    auto_scaling_enabled = true
    min_count            = 3
    max_count            = 6

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

  lifecycle {
    ignore_changes = [default_node_pool[0].node_count]
  }
}
