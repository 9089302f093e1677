{{/*
The pod template every component shares. Call with a dict:
  root: $, component: its name, cfg: its settings (dharma.settings), database: whether it uses PostgreSQL,
  extraEnv: environment variables of its own (a list of EnvVar), stateVolume: a PVC name to mount at stateDir.
*/}}
{{- define "dharma.podTemplate" -}}
{{- $root := .root -}}
{{- $cfg := .cfg -}}
{{- $secret := include "dharma.secretName" $root -}}
{{- $keys := $root.Values.secrets.keys -}}
metadata:
  labels:
    {{- include "dharma.componentLabels" . | nindent 4 }}
  annotations:
    # A changed setting or credential restarts the pods that read it.
    checksum/config: {{ include (print $root.Template.BasePath "/configmap.yaml") $root | sha256sum }}
    checksum/secret: {{ include (print $root.Template.BasePath "/secret.yaml") $root | sha256sum }}
    {{- with $cfg.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "dharma.serviceAccountName" $root }}
  automountServiceAccountToken: {{ $root.Values.serviceAccount.automountServiceAccountToken }}
  terminationGracePeriodSeconds: {{ $cfg.terminationGracePeriodSeconds }}
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  containers:
    - name: {{ .component }}
      image: {{ include "dharma.image" . | quote }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      ports:
        - name: http
          containerPort: {{ $cfg.port }}
          protocol: TCP
      envFrom:
        - configMapRef:
            name: {{ include "dharma.fullname" $root }}-config
      env:
        - name: SERVER_PORT
          value: {{ $cfg.port | quote }}
        {{- if .database }}
        - name: SPRING_DATASOURCE_PASSWORD
          valueFrom:
            secretKeyRef: {name: {{ $secret }}, key: {{ $keys.databasePassword }}}
        - name: DHARMA_SECURITY_BOOTSTRAP_ADMIN_KEY
          valueFrom:
            secretKeyRef: {name: {{ $secret }}, key: {{ $keys.bootstrapAdminKey }}, optional: true}
        {{- end }}
        - name: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG
          valueFrom:
            secretKeyRef: {name: {{ $secret }}, key: {{ $keys.kafkaSaslJaasConfig }}, optional: true}
        {{- with .extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
        {{- range $name, $value := $cfg.env }}
        - name: {{ $name }}
          value: {{ $value | toString | quote }}
        {{- end }}
      startupProbe:
        httpGet: {path: /actuator/health/liveness, port: http}
        {{- toYaml $cfg.probes.startup | nindent 8 }}
      livenessProbe:
        httpGet: {path: /actuator/health/liveness, port: http}
        {{- toYaml $cfg.probes.liveness | nindent 8 }}
      readinessProbe:
        httpGet: {path: /actuator/health/readiness, port: http}
        {{- toYaml $cfg.probes.readiness | nindent 8 }}
      resources:
        {{- toYaml $cfg.resources | nindent 8 }}
      securityContext:
        {{- toYaml $root.Values.securityContext | nindent 8 }}
      volumeMounts:
        # The root filesystem is read-only; the JVM, Tomcat and RocksDB's native library write here.
        - name: tmp
          mountPath: /tmp
        {{- with .stateVolume }}
        - name: {{ . }}
          mountPath: {{ $cfg.stateDir }}
        {{- end }}
  volumes:
    - name: tmp
      emptyDir: {}
  {{- with $cfg.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $cfg.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- if $cfg.spreadAcrossNodes }}
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: kubernetes.io/hostname
      whenUnsatisfiable: ScheduleAnyway
      labelSelector:
        matchLabels:
          {{- include "dharma.selectorLabels" . | nindent 10 }}
  {{- end }}
  {{- with $cfg.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}
