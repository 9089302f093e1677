variable "catalog_admin_password" {
  description = "Password of the administrator 'dbadmin' of database catalog"
  type        = string
  sensitive   = true
  nullable    = false
}
