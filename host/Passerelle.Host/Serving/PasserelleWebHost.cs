using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Passerelle.Host.Plugins;
using Passerelle.Host.Security;
using Passerelle.Host.Tls;
using Passerelle.Sdk.Accounts;
using Passerelle.Sdk.Plugins;

namespace Passerelle.Host.Serving;

/// <summary>Builds the server: Kestrel, the host's services and authentication, and every enabled plugin.</summary>
internal static class PasserelleWebHost
{
    public static WebApplication Build(HostSettings settings, ServeOptions serve, TextWriter output)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddPasserelleSources(settings);
        builder.Logging.AddProvider(new FileLoggerProvider(Path.Combine(settings.FullDataDirectory, "logs"), TimeProvider.System));

        var urls = serve.Urls ?? builder.Configuration["Urls"] ?? ServeOptions.DefaultUrls;
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (urls.Contains("https://", StringComparison.OrdinalIgnoreCase))
        {
            var tls = builder.Configuration.GetSection("Tls").Get<TlsOptions>() ?? new TlsOptions();
            var certificate = ServerCertificate.Load(tls, settings.FullDataDirectory, output);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        var plugins = new LoadedPlugins(PluginCatalog.Load(settings.PluginsDirectory, builder.Configuration));
        builder.Services.AddPasserelle(settings, builder.Configuration, builder.Environment, plugins);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.FullDataDirectory, "keys")));
        builder.Services.AddAuthentication(PasserelleAuthentication.Scheme)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(PasserelleAuthentication.Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PasserelleAuthentication.Policy, policy => policy.AddAuthenticationSchemes(PasserelleAuthentication.Scheme).RequireAuthenticatedUser())
            .AddPolicy(PasserelleAuthentication.AdminPolicy, policy => policy.AddAuthenticationSchemes(PasserelleAuthentication.Scheme).RequireRole(BasicAuthenticationHandler.AdminRole));

        var app = builder.Build();
        app.UseRouting();
        app.UseMiddleware<PluginGate>();
        app.UseAuthentication();
        app.UseAuthorization();
        plugins.MapEndpoints(app);
        plugins.Report(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Passerelle.Plugins"));
        return app;
    }

    public static async Task SeedDemoAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var seeder in services.GetServices<IDemoSeeder>())
        {
            await seeder.SeedAsync(output, cancellationToken);
        }
    }
}
