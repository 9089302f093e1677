resource "azurerm_resource_group" "main" {
  name     = "rg-case-windows"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "main" {
  name                = "case-windows-main"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.4.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "app" {
  name                            = "case-windows-app"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.4.1.0/24"]
  default_outbound_access_enabled = false
}

resource "azurerm_network_interface" "win" {
  count = 1

  name                = "case-windows-win-${count.index}"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  tags                = local.tags

  ip_configuration {
    name                          = "primary"
    subnet_id                     = azurerm_subnet.app.id
    private_ip_address_allocation = "Dynamic"
  }
}

resource "azurerm_windows_virtual_machine" "win" {
  count = 1

  name                  = "case-windows-win-${count.index}"
  resource_group_name   = azurerm_resource_group.main.name
  location              = azurerm_resource_group.main.location
  computer_name         = "win-${count.index}"
  size                  = "Standard_B2s"
  admin_username        = "dharma"
  admin_password        = var.win_admin_password
  network_interface_ids = [azurerm_network_interface.win[count.index].id]
  tags                  = local.tags

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 128
  }

  source_image_reference {
    publisher = "MicrosoftWindowsServer"
    offer     = "WindowsServer"
    sku       = "2022-datacenter-g2"
    version   = "latest"
  }
}
