variable "orders_admin_password" {
  description = "Password of the administrator 'dbadmin' of database orders"
  type        = string
  sensitive   = true
  nullable    = false
}
