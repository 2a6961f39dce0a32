// learnloop: the operator's command line.
#include "entry_points.hpp"

int main(int argc, char** argv)
{
    return learnloop::server::run_cli({ argv + 1, argv + argc });
}
