# taskq's start-up step in the admin container (Dockerfile.server copies it to ${SCRIPT_DIR}/init.d/): the image's
# entrypoint sources it, as user payara, before it starts the domain. It replaces the image's built-in admin
# password ("admin") by TASKQ_ADMIN_PASSWORD and adds taskq's data grid settings (data-grid.sh) to the pre-boot
# commands. The image itself deploys taskq.ear from ${DEPLOY_DIR} after the post-boot commands.

if [ -z "${TASKQ_ADMIN_PASSWORD:-}" ]; then
    echo "[taskq] TASKQ_ADMIN_PASSWORD is not set: refusing to start with the image's default admin password" >&2
    exit 1
fi
taskq_current=$(sed -n 's/^AS_ADMIN_PASSWORD=//p' "$PASSWORD_FILE")
if [ "$taskq_current" != "$TASKQ_ADMIN_PASSWORD" ]; then
    (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\nAS_ADMIN_NEWPASSWORD=%s\n' "$taskq_current" "$TASKQ_ADMIN_PASSWORD" \
        >/tmp/taskq-password-change)
    "$PAYARA_DIR/bin/asadmin" --user "$ADMIN_USER" --passwordfile /tmp/taskq-password-change \
        change-admin-password --domain_name "$DOMAIN_NAME" || exit 1
    rm -f /tmp/taskq-password-change
    (umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$TASKQ_ADMIN_PASSWORD" >"$PASSWORD_FILE")
    echo "[taskq] admin password set from TASKQ_ADMIN_PASSWORD"
fi
unset taskq_current
/opt/payara/taskq/data-grid.sh >>"$PREBOOT_COMMANDS_FINAL" || exit 1
