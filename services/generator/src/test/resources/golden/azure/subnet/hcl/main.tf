resource "azurerm_resource_group" "main" {
  name     = "rg-case-subnet"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "main" {
  name                = "case-subnet-main"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.1.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "edge" {
  name                            = "case-subnet-edge"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.1.0.0/24"]
  default_outbound_access_enabled = true
}

resource "azurerm_subnet" "app" {
  name                            = "case-subnet-app"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.1.1.0/24"]
  default_outbound_access_enabled = false
}
