// learnloop-server: the HTTP API and web bundle.
#include "entry_points.hpp"

int main(int argc, char** argv)
{
    return learnloop::server::run_server({ argv + 1, argv + argc });
}
