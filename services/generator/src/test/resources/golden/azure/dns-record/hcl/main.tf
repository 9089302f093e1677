data "azurerm_dns_zone" "example_com" {
  name = "example.com"
}

resource "azurerm_resource_group" "main" {
  name     = "rg-case-dns"
  location = "westeurope"
  tags     = local.tags
}

resource "azurerm_virtual_network" "main" {
  name                = "case-dns-main"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  address_space       = ["10.11.0.0/16"]
  tags                = local.tags
}

resource "azurerm_subnet" "edge_a" {
  name                            = "case-dns-edge-a"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.11.0.0/24"]
  default_outbound_access_enabled = true
}

resource "azurerm_subnet" "edge_b" {
  name                            = "case-dns-edge-b"
  resource_group_name             = azurerm_resource_group.main.name
  virtual_network_name            = azurerm_virtual_network.main.name
  address_prefixes                = ["10.11.1.0/24"]
  default_outbound_access_enabled = true
}

resource "azurerm_public_ip" "web" {
  count = 1

  name                = "case-dns-web-${count.index}"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  allocation_method   = "Static"
  sku                 = "Standard"
  tags                = local.tags
}

resource "azurerm_network_interface" "web" {
  count = 1

  name                = "case-dns-web-${count.index}"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  tags                = local.tags

  ip_configuration {
    name                          = "primary"
    subnet_id                     = azurerm_subnet.edge_a.id
    private_ip_address_allocation = "Dynamic"
    public_ip_address_id          = azurerm_public_ip.web[count.index].id
  }
}

resource "azurerm_linux_virtual_machine" "web" {
  count = 1

  name                  = "case-dns-web-${count.index}"
  resource_group_name   = azurerm_resource_group.main.name
  location              = azurerm_resource_group.main.location
  size                  = "Standard_B2s"
  admin_username        = "dharma"
  network_interface_ids = [azurerm_network_interface.web[count.index].id]
  tags                  = local.tags

  admin_ssh_key {
    username   = "dharma"
    public_key = var.ssh_public_key
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
    disk_size_gb         = 30
  }

  source_image_reference {
    publisher = "Canonical"
    offer     = "ubuntu-24_04-lts"
    sku       = "server"
    version   = "latest"
  }
}

resource "azurerm_public_ip" "web_lb" {
  name                = "case-dns-web-lb"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  allocation_method   = "Static"
  sku                 = "Standard"
  domain_name_label   = "case-dns-web-lb"
  tags                = local.tags
}

resource "azurerm_lb" "web_lb" {
  name                = "case-dns-web-lb"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  sku                 = "Standard"
  tags                = local.tags

  frontend_ip_configuration {
    name                 = "frontend"
    public_ip_address_id = azurerm_public_ip.web_lb.id
  }
}

resource "azurerm_lb_backend_address_pool" "web_lb" {
  name            = "targets"
  loadbalancer_id = azurerm_lb.web_lb.id
}

resource "azurerm_lb_probe" "web_lb_http_80" {
  name            = "tcp-80"
  loadbalancer_id = azurerm_lb.web_lb.id
  protocol        = "Tcp"
  port            = 80
}

resource "azurerm_lb_rule" "web_lb_http_80" {
  name                           = "http-80"
  loadbalancer_id                = azurerm_lb.web_lb.id
  protocol                       = "Tcp"
  frontend_port                  = 80
  backend_port                   = 80
  frontend_ip_configuration_name = "frontend"
  backend_address_pool_ids       = [azurerm_lb_backend_address_pool.web_lb.id]
  probe_id                       = azurerm_lb_probe.web_lb_http_80.id
}

resource "azurerm_network_interface_backend_address_pool_association" "web_lb_web" {
  count = 1

  network_interface_id    = azurerm_network_interface.web[count.index].id
  ip_configuration_name   = "primary"
  backend_address_pool_id = azurerm_lb_backend_address_pool.web_lb.id
}

resource "azurerm_dns_cname_record" "www" {
  name                = "www"
  zone_name           = data.azurerm_dns_zone.example_com.name
  resource_group_name = data.azurerm_dns_zone.example_com.resource_group_name
  ttl                 = 300
  record              = "shop.example.net"
  tags                = local.tags
}

resource "azurerm_dns_a_record" "apex" {
  name                = "@"
  zone_name           = data.azurerm_dns_zone.example_com.name
  resource_group_name = data.azurerm_dns_zone.example_com.resource_group_name
  ttl                 = 300
  target_resource_id  = azurerm_public_ip.web_lb.id
  tags                = local.tags
}

resource "azurerm_dns_a_record" "direct" {
  name                = "direct"
  zone_name           = data.azurerm_dns_zone.example_com.name
  resource_group_name = data.azurerm_dns_zone.example_com.resource_group_name
  ttl                 = 60
  records             = azurerm_public_ip.web[*].ip_address
  tags                = local.tags
}

resource "azurerm_dns_txt_record" "spf" {
  name                = "@"
  zone_name           = data.azurerm_dns_zone.example_com.name
  resource_group_name = data.azurerm_dns_zone.example_com.resource_group_name
  ttl                 = 300

  record {
    value = "v=spf1 -all"
  }

  tags = local.tags

  depends_on = [azurerm_linux_virtual_machine.web]
}
