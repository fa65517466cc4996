# Hamgam in a container. Build the single file first, then the image:
#   scripts/publish.sh linux-x64 && docker build -t hamgam .
# The executable is self-contained (it carries .NET and ASP.NET Core), so the base is runtime-deps, the chiseled
# (distroless, non-root, no shell) variant; "-extra" adds ICU and time zone data, which Persian dates and the
# Solar Hijri calendar need (Hamgam never runs with invariant globalization).
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra

WORKDIR /app
COPY --chmod=0755 artifacts/publish/linux-x64/hamgam /app/hamgam

# The data folder (SQLite database, demo state): a volume owned by the image's non-root user ($APP_UID, 1654).
ENV Database__DataDirectory=/data \
    DOTNET_BUNDLE_EXTRACT_BASE_DIR=/tmp/hamgam \
    ASPNETCORE_URLS=http://+:8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME /data
USER $APP_UID
EXPOSE 8080

# No curl in a chiseled image: the executable asks its own /healthz.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["/app/hamgam", "healthcheck", "--url", "http://127.0.0.1:8080/healthz"]

ENTRYPOINT ["/app/hamgam"]
