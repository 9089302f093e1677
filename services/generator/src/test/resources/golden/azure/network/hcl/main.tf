resource "azurerm_resource_group" "main" {
  name     = "rg-case-network"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "main" {
  name                = "case-network-main"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.0.0.0/16"]
  tags                = local.tags
}
