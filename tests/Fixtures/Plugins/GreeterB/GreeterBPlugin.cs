using Fixtures.Greeting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Sdk.Plugins;

namespace Fixtures.GreeterB;

public interface IGreeterService
{
    string Greet(string name);
}

internal sealed class GreeterService : IGreeterService
{
    public string Greet(string name) => Greeter.Greet(name);
}

internal sealed class GreeterBPlugin : IPlugin
{
    public string Name => "GreeterB";

    public void ConfigureServices(IServiceCollection services, PluginContext context) =>
        services.AddSingleton<IGreeterService, GreeterService>();

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/greeter-b/{name}", (string name, IGreeterService greeter) =>
            Results.Text($"{greeter.Greet(name)} from {typeof(Greeter).Assembly.GetName().Version} in {System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(Greeter).Assembly)?.Name}; MimeKit in {System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(MimeKit.MimeMessage).Assembly)?.Name}"));
}
